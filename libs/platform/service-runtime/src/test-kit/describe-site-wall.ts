import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Module, Param, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { mintDevToken, Roles, SITE_WALL_POLICY, siteScope, type Role } from '@alongside/platform/security';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { createServiceApp } from '../bootstrap';
import { serviceRoleName } from '../storage/service-role';

/** What a seed gets: the running app, a client for it, and a token of the suite's role for one site. */
export type SiteWallSeeding = Readonly<{
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  bearer: (site: SiteId) => Promise<string>;
}>;

export type SiteWallSuite<Row extends SiteRow> = Readonly<{
  /** The service's context: its schema, and its database role `serviceRoleName(context)`. */
  context: string;
  /** The service's own module on the test database; the kit adds the forgetful route beside it. */
  appModule: (database: TestDatabase) => DynamicModule;
  /** A site-scoped read model of the service, read by the forgetful route. */
  entity: Type<Row>;
  /** The property that names a row; the route is asked for one by it. */
  idColumn: keyof Row & string;
  /** What a row is, for the test titles: "participant". */
  noun: string;
  /** The role the forgetful route accepts, as the service's real routes of this read model do. */
  role: Role;
  /** The site whose token asks. */
  site: SiteId;
  /** Another site, whose rows must stay out of sight and out of reach. */
  otherSite: SiteId;
  /** Puts rows of `site` into the read model, through the service, and gives their ids. */
  seed: (site: SiteId, seeding: SiteWallSeeding) => Promise<readonly string[]>;
  /** The rest of a new row's primary key, when `idColumn` alone is not it (an episode's own id). */
  freshKey?: (row: Row) => Partial<Row>;
  /** When given: every table of the context's schema that must carry the wall, forced. */
  policedTables?: readonly string[];
}>;

type SiteRow = ObjectLiteral & { siteId: string };

const FORGETFUL_PATH = 'forgetful-reads';

/**
 * Test-only: what a careless route looks like. It reads the repository with no site filter at all,
 * so only Postgres' row-level security can keep the other site's rows out. Never part of a service.
 */
const forgetfulRoute = <Row extends SiteRow>(entity: Type<Row>, idColumn: keyof Row & string, role: Role): Type<unknown> => {
  @Controller(`sites/:siteId/${FORGETFUL_PATH}`)
  class ForgetfulReads {
    constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

    @Get()
    @Roles(role)
    every(): Promise<Row[]> {
      return this.dataSource.getRepository(entity).find();
    }

    @Get(':id')
    @Roles(role)
    one(@Param('id') id: string): Promise<Row[]> {
      return this.dataSource.getRepository(entity).findBy({ [idColumn]: id } as FindOptionsWhere<Row>);
    }
  }
  return ForgetfulReads;
};

/**
 * The second wall between sites (DESIGN §7) in a running service: generates the tests that show
 * the service runs as its own role, which row-level security binds, and that a route forgetting
 * its site filter neither shows nor finds another site's rows, nor can it write one. Seeds rows
 * at both sites first, and checks as a superuser (who passes the wall) that they are all there,
 * so that what the service misses is hidden, not missing.
 */
export const describeSiteWall = <Row extends SiteRow>(suite: SiteWallSuite<Row>): void => {
  const { site, otherSite, idColumn, noun } = suite;
  let database: TestDatabase;
  let app: INestApplication;
  let admin: Client;
  const seeded = new Map<SiteId, readonly string[]>();
  const http = () => request(app.getHttpServer());
  const bearer = async (at: SiteId) => `Bearer ${await mintDevToken({ roles: [suite.role], sites: [at], sub: `site-wall-${suite.role}-${at}` })}`;
  const ids = (at: SiteId): readonly string[] => seeded.get(at) ?? [];
  const repository = (): Repository<Row> => app.get(DataSource).getRepository(suite.entity);
  const byId = (id: string) => ({ [idColumn]: id }) as FindOptionsWhere<Row>;
  // TypeScript cannot see that a generic row's siteId takes a SiteId; every read model's does.
  const movedTo = (at: SiteId) => ({ siteId: at }) as unknown as QueryDeepPartialEntity<Row>;

  /** The read model's table and columns, as the superuser queries them. */
  const names = () => {
    const { metadata } = repository();
    const column = (property: string): string => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.name} has no column for ${property}`);
      return found.databaseName;
    };
    return { table: `${admin.escapeIdentifier(metadata.schema ?? suite.context)}.${admin.escapeIdentifier(metadata.tableName)}`, site: column('siteId'), id: column(idColumn) };
  };

  /** A site's rows as they are, past the wall. */
  const rowsAt = async (at: SiteId): Promise<Record<string, unknown>[]> => {
    const { table, site: siteColumn, id } = names();
    return (await admin.query(`select * from ${table} where ${admin.escapeIdentifier(siteColumn)} = $1 order by ${admin.escapeIdentifier(id)}`, [at])).rows;
  };
  const idsAt = async (at: SiteId): Promise<string[]> => (await rowsAt(at)).map((row) => String(row[names().id])).sort();

  describe(`The site wall in the ${suite.context} service`, () => {
    beforeAll(async () => {
      database = await createTestDatabase(`${suite.context}-site-wall`);
      @Module({ imports: [suite.appModule(database)], controllers: [forgetfulRoute(suite.entity, idColumn, suite.role)] })
      class SiteWallTestModule {}
      app = await createServiceApp(SiteWallTestModule);
      await app.init();
      for (const at of [site, otherSite]) seeded.set(at, await suite.seed(at, { app, http, bearer }));
      admin = new Client({ connectionString: database.url });
      await admin.connect();
      const expected = ids(site).length + ids(otherSite).length;
      // Both sites need rows, or "none of theirs" would prove nothing.
      if (ids(site).length === 0 || ids(otherSite).length === 0) throw new Error('the seed put no rows at one of the sites');
      await waitFor(async () => (await admin.query(`select 1 from ${names().table}`)).rowCount === expected, { what: 'the projection of both sites', timeoutMs: 20_000 });
    }, 60_000);

    afterAll(async () => {
      await admin?.end();
      await app?.close();
      await database?.drop();
    });

    it("runs the service's queries as its own role, which is no superuser and not exempt from row-level security", async () => {
      const [me] = await siteScope.allSites(() =>
        app.get(DataSource).query('select current_user as name, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user'),
      );
      expect(me).toEqual({ name: serviceRoleName(suite.context), super: false, bypass: false });
    });

    const policed = suite.policedTables;
    if (policed) {
      it(`polices every site-scoped read model of ${suite.context}`, async () => {
        const { rows } = await admin.query<{ name: string; forced: boolean }>(
          `select c.relname as name, c.relforcerowsecurity as forced from pg_class c join pg_namespace n on n.oid = c.relnamespace
           join pg_policy p on p.polrelid = c.oid where n.nspname = $1 and p.polname = $2`,
          [suite.context, SITE_WALL_POLICY],
        );
        expect(rows.map((row) => row.name).sort()).toEqual([...policed].sort());
        expect(rows.every((row) => row.forced)).toBe(true);
      });
    }

    it("shows a route that forgets its site filter only the caller's own site", async () => {
      const rows: Row[] = (await http().get(`/sites/${site}/${FORGETFUL_PATH}`).set('Authorization', await bearer(site)).expect(200)).body;
      expect(rows.map((row) => row[idColumn]).sort()).toEqual([...ids(site)].sort());
      expect(rows.every((row) => row.siteId === site)).toBe(true);
    });

    it(`finds nothing when another site's ${noun} is asked for by id, by a route or by a read in the site's scope`, async () => {
      const [theirs] = ids(otherSite);
      expect((await http().get(`/sites/${site}/${FORGETFUL_PATH}/${theirs}`).set('Authorization', await bearer(site)).expect(200)).body).toEqual([]);
      expect(await siteScope.run([site], () => repository().findBy(byId(theirs)))).toEqual([]);
      const own = (await http().get(`/sites/${otherSite}/${FORGETFUL_PATH}/${theirs}`).set('Authorization', await bearer(otherSite)).expect(200)).body;
      expect(own).toEqual([expect.objectContaining({ siteId: otherSite, [idColumn]: theirs })]);
    });

    it("refuses to write another site's row under a site's scope, and changes none of its rows", async () => {
      const [mine] = ids(site);
      const [theirs] = ids(otherSite);
      const before = await rowsAt(otherSite);
      const [row] = await siteScope.run([site], () => repository().findBy(byId(mine)));
      expect(row).toBeDefined();
      // A copy of our own row, moved to the other site: the wall's check refuses it before any key would.
      const copy = { ...row, siteId: otherSite, [idColumn]: randomUUID(), ...suite.freshKey?.(row) } as QueryDeepPartialEntity<Row>;
      await expect(siteScope.run([site], () => repository().insert(copy))).rejects.toMatchObject({ code: '42501' });
      // Our own row, moved there: refused as well.
      await expect(siteScope.run([site], () => repository().update(byId(mine), movedTo(otherSite)))).rejects.toMatchObject({ code: '42501' });
      // Their row, taken over: not even found.
      const taken = await siteScope.run([site], () => repository().update(byId(theirs), movedTo(site)));
      expect(taken.affected).toBe(0);
      expect(await rowsAt(otherSite)).toEqual(before);
      expect(await idsAt(otherSite)).toEqual([...ids(otherSite)].sort());
      expect(await idsAt(site)).toEqual([...ids(site)].sort());
    });
  });
};
