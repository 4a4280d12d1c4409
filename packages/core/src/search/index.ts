export { createStaffSearch, SEARCH_FIELDS, type SearchField, type StaffSearch, type StaffSearchOptions } from './staff-search';
