import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@probity/identity';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  procurement_officer: 'Procurement officer',
  evaluator: 'Evaluator',
  legal_reviewer: 'Legal reviewer',
};

export class CreateStaffDto {
  @ApiProperty({ example: 'Ana Evaluator' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'Enter the person’s name.' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'ana@agency.example' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `Role must be one of ${STAFF_ROLES.join(', ')}.` })
  role: StaffRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `Role must be one of ${STAFF_ROLES.join(', ')}.` })
  role: StaffRole;
}
