import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'officer@agency.example' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  password: string;

  /** Present on form posts; checked by the CSRF guard. */
  @IsOptional()
  @IsString()
  _csrf?: string;
}

export class PasswordResetRequestDto {
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email: string;

  @IsOptional()
  @IsString()
  _csrf?: string;
}

export class NewPasswordDto {
  @IsString()
  @MaxLength(500)
  password: string;

  @IsOptional()
  @IsString()
  _csrf?: string;
}
