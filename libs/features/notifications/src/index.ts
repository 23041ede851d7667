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
export { MailService, SentMail } from './lib/mail.service';
export { mailJobId, Notifier, QueuedMail } from './lib/notifier';
export { MailDelivery, NOTIFICATION_ENTITIES, ReminderSent } from './lib/notification.entities';
export { dueReminder, DueReminder, REMINDER_DAYS } from './lib/reminder-schedule';
export { SendMailJob } from './lib/send-mail.job';
export { SendRemindersJob } from './lib/send-reminders.job';
export { NotificationsModule, ReminderSchedulingModule } from './lib/notifications.module';
