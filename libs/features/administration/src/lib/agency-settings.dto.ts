import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DOSSIER_LANGUAGES, DossierLanguage } from '@probity/dossier';

/** Each language named in itself, as on the portal's language switch. */
export const DOSSIER_LANGUAGE_NAMES: Record<DossierLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export class AgencySettingsDto {
  @ApiProperty({ enum: DOSSIER_LANGUAGES, description: 'The language of the agency’s evaluation dossiers.' })
  @IsIn(DOSSIER_LANGUAGES, { message: `Dossier language must be one of ${DOSSIER_LANGUAGES.join(', ')}.` })
  dossierLanguage: DossierLanguage;
}
