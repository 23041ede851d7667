import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@probity/web';

export class AuditListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subjectId?: string;
}
