/**
 * A ready-made calendar for an Iranian government office: Saturday–Wednesday working week,
 * Thursday and Friday off, the ten solar holidays generated, and sample lunar holidays for 1404
 * and 1405.
 *
 * The lunar dates follow the official calendars for those years as reported in the Iranian
 * press (1404: 26 holidays in all; 1405: 25 published + Imam Sadiq's martyrdom), cross-checked
 * against the Umm al-Qura table (Iran's sighting is often a day later). None has been checked
 * against the Calendar Council's own publication here, so every one is `confirmed: false` and
 * computations that cross them carry an `unconfirmed-holiday` warning. Confirm them, set real
 * office hours, and bump `version` before relying on this calendar.
 */
import type { BusinessCalendar, BusinessCalendarInput } from './calendar.schema';
import { defineBusinessCalendar } from './define-calendar';

type HolidayInput = NonNullable<BusinessCalendarInput['holidays']>[string][number];

function lunar(date: string, fa: string, en: string): HolidayInput {
  return { date, name: { fa, en }, confirmed: false };
}

const FITR = ['عید سعید فطر', 'Eid al-Fitr'] as const;
const FITR_2 = ['تعطیل به مناسبت عید سعید فطر', 'Eid al-Fitr (second day)'] as const;
const SADIQ = ['شهادت امام جعفر صادق (ع)', 'Martyrdom of Imam Jafar Sadiq'] as const;
const ADHA = ['عید سعید قربان', 'Eid al-Adha'] as const;
const GHADIR = ['عید سعید غدیر خم', 'Eid al-Ghadir'] as const;
const TASUA = ['تاسوعای حسینی', 'Tasua'] as const;
const ASHURA = ['عاشورای حسینی', 'Ashura'] as const;
const ARBAEEN = ['اربعین حسینی', 'Arbaeen'] as const;
const PROPHET_DEMISE = ['رحلت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)', 'Demise of the Prophet and martyrdom of Imam Hasan'] as const;
const REZA = ['شهادت امام رضا (ع)', 'Martyrdom of Imam Reza'] as const;
const ASKARI = ['شهادت امام حسن عسکری (ع)', 'Martyrdom of Imam Hasan Askari'] as const;
const MAWLID = ['میلاد رسول اکرم (ص) و امام جعفر صادق (ع)', 'Birth of the Prophet and Imam Jafar Sadiq'] as const;
const FATIMA = ['شهادت حضرت فاطمه زهرا (س)', 'Martyrdom of Fatima'] as const;
const ALI_BIRTH = ['ولادت امام علی (ع)', 'Birth of Imam Ali'] as const;
const MABATH = ['مبعث رسول اکرم (ص)', "Prophet's Mission (Mab'ath)"] as const;
const MAHDI = ['ولادت حضرت قائم (عج)', 'Birth of Imam Mahdi'] as const;
const ALI_MARTYRDOM = ['شهادت امام علی (ع)', 'Martyrdom of Imam Ali'] as const;

/**
 * The input of `iranGovernmentCalendar` (sample lunar holidays unconfirmed): copy and change it (office
 * hours, confirmed holidays, provinces) for your own calendar.
 */
export const IRAN_GOVERNMENT_CALENDAR_INPUT = {
  id: 'ir-government',
  version: '1404.1',
  name: { fa: 'تقویم کاری ادارات دولتی ایران', en: 'Iran government offices' },
  timeZone: 'Asia/Tehran',
  schedules: [
    {
      days: ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday'],
      // Sample office hours; offices set their own (and summer hours as a later schedule).
      hours: [{ start: '07:30', end: '14:30' }],
    },
  ],
  solarHolidays: true,
  holidays: {
    '1404': [
      lunar('1404-01-02', ...ALI_MARTYRDOM),
      lunar('1404-01-11', ...FITR),
      lunar('1404-01-12', ...FITR_2),
      lunar('1404-02-04', ...SADIQ),
      lunar('1404-03-16', ...ADHA),
      lunar('1404-03-24', ...GHADIR),
      lunar('1404-04-14', ...TASUA),
      lunar('1404-04-15', ...ASHURA),
      lunar('1404-05-23', ...ARBAEEN),
      lunar('1404-05-31', ...PROPHET_DEMISE),
      lunar('1404-06-02', ...REZA),
      lunar('1404-06-10', ...ASKARI),
      lunar('1404-06-19', ...MAWLID),
      lunar('1404-09-03', ...FATIMA),
      lunar('1404-10-13', ...ALI_BIRTH),
      lunar('1404-10-27', ...MABATH),
      lunar('1404-11-15', ...MAHDI),
      lunar('1404-12-20', ...ALI_MARTYRDOM),
    ],
    '1405': [
      lunar('1405-01-01', ...FITR),
      lunar('1405-01-02', ...FITR_2),
      lunar('1405-01-25', ...SADIQ),
      lunar('1405-03-06', ...ADHA),
      lunar('1405-03-14', ...GHADIR),
      lunar('1405-04-03', ...TASUA),
      lunar('1405-04-04', ...ASHURA),
      lunar('1405-05-12', ...ARBAEEN),
      lunar('1405-05-20', ...PROPHET_DEMISE),
      lunar('1405-05-22', ...REZA),
      lunar('1405-05-30', ...ASKARI),
      lunar('1405-06-08', ...MAWLID),
      lunar('1405-08-22', ...FATIMA),
      lunar('1405-10-01', ...ALI_BIRTH),
      lunar('1405-10-15', ...MABATH),
      lunar('1405-11-03', ...MAHDI),
      lunar('1405-12-09', ...ALI_MARTYRDOM),
      lunar('1405-12-18', ...FITR),
      lunar('1405-12-19', ...FITR_2),
    ],
  },
} satisfies BusinessCalendarInput;

/** The default calendar (see the module comment for what is sample data). */
export const iranGovernmentCalendar: BusinessCalendar = defineBusinessCalendar(IRAN_GOVERNMENT_CALENDAR_INPUT);
