import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

/** A form the pages post: the CSRF guard checks its `_csrf`, the API ignores it. */
class FormPostDto {
  @IsOptional()
  @IsString()
  _csrf?: string;
}

export class SignInDto extends FormPostDto {
  @ApiProperty({ example: 'officer@agency.example' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  password: string;
}

export class PasswordResetRequestDto extends FormPostDto {
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email: string;
}

export class NewPasswordDto extends FormPostDto {
  @IsString()
  @MaxLength(500)
  password: string;
}
