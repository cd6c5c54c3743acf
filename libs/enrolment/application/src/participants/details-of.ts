import type { PersonalDetails } from '../personal-details/personal-details';
import type { DetailsCorrectionDto, PersonalDetailsDto } from './personal-details.dto';

/** The API's shape (contact grouped) as the flat fields the encrypted store keeps. */
export const detailsOf = (dto: PersonalDetailsDto | DetailsCorrectionDto): PersonalDetails => {
  const flat: PersonalDetails = {
    givenName: dto.givenName,
    familyName: dto.familyName,
    preferredName: dto.preferredName,
    dateOfBirth: dto.dateOfBirth,
    phone: dto.contact?.phone,
    email: dto.contact?.email,
    address: dto.contact?.address,
    preferredLanguage: dto.preferredLanguage,
    pronouns: dto.pronouns,
  };
  return Object.fromEntries(Object.entries(flat).filter(([, value]) => value !== undefined)) as PersonalDetails;
};
