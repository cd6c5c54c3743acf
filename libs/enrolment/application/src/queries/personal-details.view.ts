import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonalDetails } from '../personal-details/personal-details';

export class ContactView {
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class PersonalDetailsView {
  @ApiProperty({ example: 'Ana' }) givenName?: string;
  @ApiProperty({ example: 'López' }) familyName?: string;
  @ApiPropertyOptional({ example: 'Annie' }) preferredName?: string;
  @ApiProperty({ example: '1991-07-14' }) dateOfBirth?: string;
  @ApiPropertyOptional({ type: ContactView }) contact?: ContactView;
  @ApiPropertyOptional({ example: 'es' }) preferredLanguage?: string;
  @ApiPropertyOptional({ example: 'she/her' }) pronouns?: string;
}

export const personalDetailsView = (details: PersonalDetails): PersonalDetailsView => {
  const contact = { phone: details.phone, email: details.email, address: details.address };
  const view: PersonalDetailsView = {
    givenName: details.givenName,
    familyName: details.familyName,
    preferredName: details.preferredName,
    dateOfBirth: details.dateOfBirth,
    contact: Object.values(contact).some((v) => v !== undefined) ? contact : undefined,
    preferredLanguage: details.preferredLanguage,
    pronouns: details.pronouns,
  };
  return JSON.parse(JSON.stringify(view)) as PersonalDetailsView;
};
