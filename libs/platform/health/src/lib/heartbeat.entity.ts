import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Proof that a job crossed the queue and its result reached the database. */
@Entity('heartbeats')
export class Heartbeat {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ name: 'processed_by', type: 'varchar', length: 200 })
  processedBy: string;

  @Column({ type: 'integer' })
  attempt: number;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
