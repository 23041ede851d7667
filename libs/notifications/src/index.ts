export {
  MAIL_TEMPLATES,
  MailContextError,
  MailContexts,
  MailTemplate,
  parseMailContext,
  QueuedMailTemplate,
  SecretMailTemplate,
} from './lib/mail-contexts';
export { renderMail, RenderedMail } from './lib/render-mail';
