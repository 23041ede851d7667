import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProviderResponse } from '@probity/cases';

export type MailDeliveryStatus = 'sending' | 'sent';

/** One queued e-mail, keyed by its idempotency key, so a repeated job sends it once. */
@Entity('mail_deliveries')
@Check('mail_deliveries_status', `"status" IN ('sending', 'sent')`)
export class MailDelivery {
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 50 })
  template: string;

  @Column({ type: 'jsonb' })
  recipients: string[];

  @Column({ type: 'varchar', length: 10 })
  status: MailDeliveryStatus;

  @Column({ name: 'message_id', type: 'varchar', length: 500, nullable: true })
  messageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

/** A deadline reminder queued for a response; the primary key makes each one happen once. */
@Entity('reminders_sent')
@Check('reminders_sent_days_before', `"days_before" IN (1, 3, 7)`)
export class ReminderSent {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @ManyToOne(() => ProviderResponse)
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'reminders_sent_response_id_fkey' })
  response?: ProviderResponse;

  @PrimaryColumn({ name: 'days_before', type: 'smallint' })
  daysBefore: number;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}

export const NOTIFICATION_ENTITIES = [MailDelivery, ReminderSent];
