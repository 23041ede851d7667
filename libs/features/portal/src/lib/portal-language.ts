import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@probity/config';
import { isRightToLeft } from '@probity/questionnaires';
import { choosePortalLanguage, isPortalLanguage, messagesFor, PORTAL_LANGUAGES, PortalLanguage } from './i18n/catalog';

/** Remembers the provider's language choice across the portal's pages (readable by no one else). */
export const LANGUAGE_COOKIE = 'probity_lang';
const LANGUAGE_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

export function languageOf(request: Request): PortalLanguage {
  return choosePortalLanguage({
    query: request.query.lang,
    cookie: (request.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE],
    acceptLanguage: (languages) => request.acceptsLanguages(languages),
  });
}

/** The questionnaire's locale key for a language: SurveyJS calls English "default". */
export function questionnaireLocale(language: PortalLanguage): string {
  return language === 'en' ? 'default' : language;
}

/** The language a portal page speaks, with what its layout needs. */
export type LanguageContext = ReturnType<PortalLanguages['contextOf']>;

@Injectable()
export class PortalLanguages {
  constructor(private readonly config: AppConfig) {}

  /**
   * What every portal page needs to speak the provider's language: `<html lang dir>`, the messages,
   * and the language switch (links back to `path`). An explicit `?lang=` choice is remembered.
   */
  contextOf(request: Request, response: Response, path: string) {
    const language = languageOf(request);
    if (isPortalLanguage(request.query.lang))
      response.cookie(LANGUAGE_COOKIE, language, {
        sameSite: 'lax',
        secure: request.secure || this.config.publicBaseUrl.startsWith('https://'),
        httpOnly: false,
        path: '/portal/',
        maxAge: LANGUAGE_COOKIE_MAX_AGE_MS,
      });
    const t = messagesFor(language);
    return {
      language,
      locale: questionnaireLocale(language),
      view: {
        lang: language,
        dir: isRightToLeft(language) ? 'rtl' : 'ltr',
        t,
        languages: PORTAL_LANGUAGES.map((code) => ({
          code,
          name: messagesFor(code).language.name,
          href: `${path}?lang=${code}`,
          current: code === language,
        })),
      },
    };
  }
}
