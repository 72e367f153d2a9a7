ALTER TABLE "assessments" ALTER COLUMN "overall" SET DATA TYPE double precision;--> statement-breakpoint
-- Scores submitted before this were rounded to whole numbers; the result keeps the exact one.
UPDATE "assessments" SET "overall" = ("result"->>'overall')::double precision WHERE "result" ? 'overall';
