import { Controller, Get, Query, ValidationPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import type { ChainVerification } from './audit-chain';
import { AuditListQueryDto } from './audit.dto';
import { AuditPage, AuditTrail } from './audit-trail.service';

/** The signed-in agency's own audit chain: never another agency's, never the system chain. */
@ApiTags('audit')
@Controller(`${API_PREFIX}/audit`)
@RequiresAccess('audit.read')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get('verify')
  verify(@CurrentStaff() staff: StaffPrincipal): Promise<ChainVerification> {
    return this.trail.verify(staff.agencyId);
  }

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    // Validated here as well as by the global pipe, so the route is safe in any app that mounts it.
    @Query(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
    query: AuditListQueryDto,
  ): Promise<AuditPage> {
    return this.trail.list(staff.agencyId, query);
  }
}
