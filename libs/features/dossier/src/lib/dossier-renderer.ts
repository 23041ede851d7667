import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@probity/config';
import Handlebars from 'handlebars';
import { BrowserPool } from '@probity/pdf-rendering';
import type { DossierInput } from '../model/dossier-input';
import { fill } from '../model/catalogue/catalogue';
import { dossierLanguageOf, dossierWording } from '../model/dossier-wording';
import type { DossierMeta } from '../model/dossier-view';
import { createDossierTemplate, DossierTemplate } from '../render/dossier-template';
import { attachAwardRecord } from '../render/attachments';
import { EmbeddedSignature, withMetadata } from '../render/pdf-metadata';

export interface RenderedDossier {
  html: string;
  pdf: Buffer;
}

/** HTML from the private template, printed by the pool (JavaScript off, every request but data: blocked). */
@Injectable()
export class DossierRenderer {
  private readonly template: DossierTemplate = createDossierTemplate();

  constructor(
    private readonly browsers: BrowserPool,
    @Optional() private readonly config?: AppConfig,
  ) {}

  html(input: DossierInput, meta: DossierMeta): string {
    // The sign-off page names the public verification page of this installation.
    const verifyUrl = this.config ? `${this.config.publicBaseUrl.replace(/\/+$/, '')}/verify` : undefined;
    return this.template(input, { verifyUrl, ...meta });
  }

  async render(input: DossierInput, meta: DossierMeta, signature?: EmbeddedSignature): Promise<RenderedDossier> {
    const html = this.html(input, meta);
    // Header and footer templates are HTML too: the case reference is escaped like everything else.
    const { t, language, dir } = dossierWording(dossierLanguageOf(input));
    const status = t.status[meta.status === 'under review' ? 'underReview' : meta.status];
    const header = Handlebars.escapeExpression(
      fill(t.document.header, { reference: input.case.reference, version: meta.version, status }),
    );
    // Chromium fills the page numbers into these two spans; the words around them are the catalogue's.
    const footer = fill(Handlebars.escapeExpression(t.document.footer), {
      page: '<span class="pageNumber"></span>',
      pages: '<span class="totalPages"></span>',
    });
    const printed = await this.browsers.renderPdf(html, {
      title: fill(t.document.title, { reference: input.case.reference, title: input.case.title }),
      headerHtml: `<div lang="${language}" dir="${dir}" style="font-size:7pt;width:100%;padding:0 16mm;color:#4a5360;font-family:sans-serif">${header}</div>`,
      footerHtml: `<div lang="${language}" dir="${dir}" style="font-size:7pt;width:100%;text-align:center;color:#4a5360;font-family:sans-serif">${footer}</div>`,
    });
    // The award record travels inside the PDF, attached before metadata and before any signature,
    // in the same pass: the printed file is parsed and written once.
    const award = input.award;
    const pdf = await withMetadata(
      printed,
      {
        title: fill(t.document.title, { reference: input.case.reference, title: input.case.title }),
        author: input.agency.name,
        // Subject and keywords stay English whatever the dossier's language: tools search and read them.
        subject: `Tender evaluation dossier for case ${input.case.reference}, version ${meta.version} (${meta.status})`,
        keywords: [
          'Probity',
          'evaluation dossier',
          input.case.reference,
          `version ${meta.version}`,
          meta.status,
          `content ${meta.contentHash}`,
        ],
      },
      signature,
      award ? (document) => attachAwardRecord(document, award, new Date(meta.generatedAt)) : undefined,
    );
    return { html, pdf };
  }
}
