import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';

export class ImportTemplateDto {
  @ApiProperty({ example: 'licence-plate-recognition', description: 'Lower-case letters, digits and hyphens.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  key: string;

  @ApiProperty({
    description: 'SurveyJS questionnaire JSON (Probity properties such as principle and weight allowed).',
  })
  @IsObject()
  definition: Record<string, unknown>;
}

export class UpdateTemplateDto {
  @ApiProperty({ description: 'SurveyJS questionnaire JSON replacing the draft.' })
  @IsObject()
  definition: Record<string, unknown>;
}
