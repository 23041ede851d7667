import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityRepository } from './identity.repository';
import { tokenHash } from './tokens';

/** The identity tables on real PostgreSQL, through their one repository. */
describe('IdentityRepository', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let repository: IdentityRepository;
  let unitOfWork: UnitOfWork;
  let agencyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [typeOrmTestModule(database.url), TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
      providers: [IdentityRepository, UnitOfWork],
    }).compile();
    repository = moduleRef.get(IdentityRepository);
    unitOfWork = moduleRef.get(UnitOfWork);
    agencyId = (await repository.insertAgency({ id: randomUUID(), name: 'Repository agency' })).id;
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  async function aUser(email: string) {
    return repository.insertStaffUser({
      id: randomUUID(),
      agencyId,
      email,
      name: email.split('@')[0],
      role: 'evaluator',
      passwordHash: 'not-a-real-hash',
      disabledAt: null,
    });
  }

  it('finds agencies by name and accounts only within their agency', async () => {
    const user = await aUser('ines@repository.example');
    expect((await repository.agencyNamed('Repository agency'))?.id).toBe(agencyId);
    expect(await repository.agencyNamed('No such agency')).toBeNull();
    expect(await repository.emailTaken('ines@repository.example')).toBe(true);
    expect((await repository.findStaffUser(agencyId, user.id))?.email).toBe('ines@repository.example');
    expect(await repository.findStaffUser(randomUUID(), user.id)).toBeNull();
    expect((await repository.staffOfAgency(agencyId)).map((staff) => staff.id)).toContain(user.id);
  });

  it('locks an account only inside a transaction, and reads the hash only for sign-in', async () => {
    const user = await aUser('lock@repository.example');
    expect(() => repository.lockStaffUser(agencyId, user.id)).toThrow(/transaction/);
    expect((await unitOfWork.run(() => repository.lockStaffUser(agencyId, user.id)))?.id).toBe(user.id);
    const locked = await unitOfWork.run(() => repository.lockForSignIn('lock@repository.example'));
    expect(locked?.passwordHash).toBe('not-a-real-hash');
    expect((await repository.findStaffUser(agencyId, user.id))?.passwordHash).toBeUndefined();
  });

  it('sees a session only while it lives and its account is enabled', async () => {
    const user = await aUser('session@repository.example');
    await repository.insertSession({
      tokenHash: tokenHash('live'),
      userId: user.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await repository.insertSession({
      tokenHash: tokenHash('old'),
      userId: user.id,
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect((await repository.liveSession(tokenHash('live')))?.user?.id).toBe(user.id);
    expect(await repository.liveSession(tokenHash('old'))).toBeNull();
    expect(await repository.purgeExpiredSessions()).toBeGreaterThanOrEqual(1);

    await repository.disable(user.id, new Date());
    expect(await repository.liveSession(tokenHash('live'))).toBeNull();
    await repository.enable(user.id);
    expect(await repository.liveSession(tokenHash('live'))).not.toBeNull();
    await repository.endSessionsOf(user.id);
    expect(await repository.liveSession(tokenHash('live'))).toBeNull();
  });

  it('spends a reset token once, and spends all outstanding ones of an account', async () => {
    const user = await aUser('reset@repository.example');
    const expiresAt = new Date(Date.now() + 60_000);
    await repository.insertPasswordReset({ tokenHash: tokenHash('first'), userId: user.id, expiresAt });
    await repository.insertPasswordReset({ tokenHash: tokenHash('second'), userId: user.id, expiresAt });
    expect(await repository.passwordResetUsable(tokenHash('first'))).toBe(true);
    expect(await repository.spendPasswordReset(tokenHash('first'))).toBe(user.id);
    expect(await repository.spendPasswordReset(tokenHash('first'))).toBeNull();

    await repository.spendOutstandingResetsOf(user.id, new Date());
    expect(await repository.passwordResetUsable(tokenHash('second'))).toBe(false);
  });

  it('stores role and back-off changes', async () => {
    const user = await aUser('change@repository.example');
    const lockedUntil = new Date(Date.now() + 60_000);
    await repository.setRole(user.id, 'legal_reviewer');
    await repository.setBackOff(user.id, { failedSignIns: 5, lockedUntil });
    const changed = await repository.findStaffUser(agencyId, user.id);
    expect(changed).toMatchObject({ role: 'legal_reviewer', failedSignIns: 5, lockedUntil });
  });
});
