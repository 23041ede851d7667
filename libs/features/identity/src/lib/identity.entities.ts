import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { StaffRole } from './staff-principal';

/** A law-enforcement agency: the tenant every case, user and audit entry belongs to. */
@Entity('agencies')
@Unique('agencies_name', ['name'])
@Check('agencies_dossier_language', `"dossier_language" IN ('en', 'fr', 'es', 'ar')`)
export class Agency {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The language the agency's evaluation dossiers are written in (set by its administrator). */
  @Column({ name: 'dossier_language', type: 'varchar', length: 2, default: 'en' })
  dossierLanguage: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('staff_users')
@Unique('staff_users_email', ['email'])
@Index('staff_users_by_agency', ['agencyId'])
@Check('staff_users_role', `"role" IN ('admin', 'procurement_officer', 'evaluator', 'legal_reviewer')`)
export class StaffUser {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'staff_users_agency_id_fkey' })
  agency?: Agency;

  /** Stored lower-cased so the unique constraint is case-insensitive. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  role: StaffRole;

  /** argon2id encoded hash; never selected unless asked for. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Failed sign-ins in a row; see sign-in-back-off.ts. */
  @Column({ name: 'failed_sign_ins', type: 'integer', default: 0 })
  failedSignIns: number;

  /** Until when sign-ins are refused after repeated failures; null when not locked. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored, so a database leak signs no one in. */
@Entity('staff_sessions')
@Index('staff_sessions_by_user', ['userId'])
export class StaffSession {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_sessions_user_id_fkey' })
  user?: StaffUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** A one-time password reset link; stored as the SHA-256 of its token. */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_resets_user_id_fkey' })
  user?: StaffUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

export const IDENTITY_ENTITIES = [Agency, StaffUser, StaffSession, PasswordReset];
