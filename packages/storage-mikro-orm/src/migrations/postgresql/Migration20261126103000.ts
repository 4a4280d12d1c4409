import { Migration } from '@mikro-orm/migrations';

/** An erased profile keeps no national-ID lookup hash: the column becomes nullable (NULLs never collide in the unique constraint). */
export class Migration20261126103000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "statdesk_profiles" alter column "national_id_hmac" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "statdesk_profiles" where "national_id_hmac" is null;`);
    this.addSql(`alter table "statdesk_profiles" alter column "national_id_hmac" set not null;`);
  }

}
