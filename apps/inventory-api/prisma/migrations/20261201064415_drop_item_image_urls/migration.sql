-- Item pictures are uploaded photos now. The links in image_urls pointed anywhere and were shown to
-- every visitor (tracking, mixed content); nothing reads them any more, so they are dropped rather
-- than kept unserved. The code of this release never reads the column, so it may run before or
-- after this migration.
-- AlterTable
ALTER TABLE "items" DROP COLUMN "image_urls";
