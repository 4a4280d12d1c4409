export { sealText, openSealedText, sealedKeyId } from './sealed-text';
export { personalDataSealer, personalDataSealerIn, PERSONAL_DATA_SEALER_SERVICE, type PersonalDataSealer } from './personal-data-sealer';
