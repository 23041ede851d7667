import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A job recorded in the same transaction as the state change that caused it. */
@Entity('job_outbox')
@Index('job_outbox_pending', ['createdAt'], { where: '"dispatched_at" IS NULL' })
export class OutboxEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'job_name', type: 'varchar', length: 100 })
  jobName: string;

  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'delay_ms', type: 'integer', default: 0 })
  delayMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'dispatch_attempts', type: 'integer', default: 0 })
  dispatchAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
