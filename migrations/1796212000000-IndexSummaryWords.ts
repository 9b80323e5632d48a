import { MigrationInterface, QueryRunner } from "typeorm";

/** The index expression, spelled once; the search in SimilarComplaintsRepository repeats it exactly. */
const SUMMARY_WORDS = `to_tsvector(complaint_text_config("customer_language"), "summary")`;

export class IndexSummaryWords1796212000000 implements MigrationInterface {
    name = 'IndexSummaryWords1796212000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Similar complaints are found by the words of the summary, stemmed in the customer's language: the trigram
        // index over summary and description returned most of the table at a million complaints (docs/similar-complaints.md).
        // PostgreSQL has stemmers for English and Russian; Latvian and Ukrainian get 'simple' (lower-cased words, no
        // stop words). A SQL function of one CASE is inlined into the index expression and the queries; IMMUTABLE
        // holds because the mapping is fixed here (a new mapping is a new migration that rebuilds the indexes).
        await queryRunner.query(`CREATE FUNCTION complaint_text_config(language text) RETURNS regconfig
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END $$`);
        // Declared on ComplaintEntity with synchronize: false: TypeORM cannot describe an expression index.
        await queryRunner.query(`CREATE INDEX "ix_complaints_summary_words" ON "complaints" USING gin (${SUMMARY_WORDS})`);
        // knownIssues only reads complaints linked to a prevention action (about a quarter): their own, smaller index.
        await queryRunner.query(`CREATE INDEX "ix_complaints_summary_words_known" ON "complaints" USING gin (${SUMMARY_WORDS}) WHERE "prevention_action_id" IS NOT NULL`);
        // The newest complaints saying exactly the same (ignoring case), read in order and only as many as shown: a
        // common problem has thousands of look-alikes, and reading each row is what costs.
        await queryRunner.query(`CREATE INDEX "ix_complaints_category_summary" ON "complaints" ("category_id", lower("summary"), "received_at" DESC, "id")`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_root_cause_summary" ON "complaints" ("root_cause_code", lower("summary"), "received_at" DESC, "id") WHERE "root_cause_code" IS NOT NULL`);
        // Nothing reads the trigram index any more, and every intake paid for it.
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_text_trgm"`);
        // Statistics of the new expressions, so the first searches are planned on them (5 s at a million complaints).
        await queryRunner.query(`ANALYZE "complaints"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_complaints_text_trgm" ON "complaints" USING gin (("summary" || ' ' || "description") gin_trgm_ops)`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_root_cause_summary"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_category_summary"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_summary_words_known"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_summary_words"`);
        await queryRunner.query(`DROP FUNCTION complaint_text_config(text)`);
    }
}
