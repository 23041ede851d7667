import { Controller, Get, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { FormBody } from '@probity/web';
import { isEvidenceVerdict, NOTE_MAX_LENGTH } from './evidence-claims';
import {
  EVIDENCE_CHECK_LANGUAGES,
  EVIDENCE_CHECK_MESSAGES,
  EvidenceCheckLanguage,
  evidenceCheckLanguage,
  fill,
} from './evidence-check.messages';
import { EvidenceCheck, EvidenceConfirmationService } from './evidence-confirmation.service';

interface FailedForm {
  questionName: string;
  errors: string[];
  verdict?: string;
  note?: string;
}

/**
 * The panel's "evidence supports the claim" page beside the scoring workspace: one small form per
 * answer that needs evidence. Forms post here and redirect back (post/redirect/get); errors re-render.
 */
@ApiExcludeController()
@Controller('cases/:caseId/evaluation/responses/:responseId/evidence-check')
export class EvidenceCheckPageController {
  constructor(private readonly confirmations: EvidenceConfirmationService) {}

  @Get()
  @RequiresAccess('response.score')
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @Query('lang') lang: string | undefined,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    const language = evidenceCheckLanguage(lang, (offered) => response.req.acceptsLanguages(offered));
    const check = await this.confirmations.claimsToCheck(staff, caseId, responseId);
    this.render(response, check, language, { saved: notice === 'saved' });
  }

  @Post()
  @RequiresAccess('evidence.confirm')
  async record(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const language = evidenceCheckLanguage(form.lang, (offered) => response.req.acceptsLanguages(offered));
    const t = EVIDENCE_CHECK_MESSAGES[language];
    const questionName = form.questionName ?? '';
    const note = (form.note ?? '').trim();
    const errors: string[] = [];
    if (!isEvidenceVerdict(form.verdict)) errors.push(t.errorVerdict);
    if (!note || note.length > NOTE_MAX_LENGTH) errors.push(t.errorNote);
    let status = 400;
    if (!errors.length && isEvidenceVerdict(form.verdict)) {
      try {
        await this.confirmations.confirm(staff, { caseId, responseId }, questionName, form.verdict, note);
        return response.redirect(
          303,
          `/cases/${caseId}/evaluation/responses/${responseId}/evidence-check?lang=${language}&notice=saved#claim-${encodeURIComponent(questionName)}`,
        );
      } catch (error) {
        // 403 and 404 are the error page's; a refused verdict (422, 409) is shown beside its form.
        if (!(error instanceof HttpException) || [403, 404].includes(error.getStatus()) || error.getStatus() >= 500)
          throw error;
        status = error.getStatus();
        errors.push(error.message);
      }
    }
    const check = await this.confirmations.claimsToCheck(staff, caseId, responseId);
    this.render(response, check, language, { failed: { questionName, errors, verdict: form.verdict, note } }, status);
  }

  private render(
    response: Response,
    check: EvidenceCheck,
    language: EvidenceCheckLanguage,
    extra: { saved?: boolean; failed?: FailedForm },
    status = 200,
  ) {
    const t = EVIDENCE_CHECK_MESSAGES[language];
    const base = `/cases/${check.caseId}/evaluation/responses/${check.response.id}`;
    const organisation = check.response.organisationName;
    response.status(status).render('evaluation/evidence-check', {
      title: `${t.title} · ${organisation}`,
      lang: language,
      dir: language === 'ar' ? 'rtl' : 'ltr',
      t: { ...t, layout: { skipLink: t.skipLink, footer: t.footer }, language: { switchLabel: t.switchLabel } },
      languages: EVIDENCE_CHECK_LANGUAGES.map((code) => ({
        code,
        name: EVIDENCE_CHECK_MESSAGES[code].languageName,
        href: `${base}/evidence-check?lang=${code}`,
        current: code === language,
      })),
      back: { href: base, text: fill(t.back, { organisation }) },
      eyebrow: fill(t.eyebrow, { organisation }),
      flash: extra.saved ? t.saved : undefined,
      action: `${base}/evidence-check`,
      open: check.open,
      claims: check.claims.map((claim, index) => {
        const failed = extra.failed?.questionName === claim.questionName ? extra.failed : undefined;
        const verdict = failed ? failed.verdict : claim.own?.verdict;
        return {
          ...claim,
          id: `claim-${claim.questionName}`,
          number: index + 1,
          files: claim.files.map((file) => ({ ...file, href: `${base}/evidence/${file.id}` })),
          ownLabel: claim.own
            ? fill(t.yourVerdict, { verdict: claim.own.verdict === 'supports' ? t.supports : t.doesNotSupport })
            : t.notChecked,
          supportsChecked: verdict === 'supports',
          doesNotSupportChecked: verdict === 'does-not-support',
          note: failed ? (failed.note ?? '') : (claim.own?.note ?? ''),
          errors: failed?.errors ?? [],
        };
      }),
    });
  }
}
