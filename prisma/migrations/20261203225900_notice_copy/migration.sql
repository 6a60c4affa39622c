-- The notice (anslag/bevis) PDF is stored once per state like the other issued copies, instead
-- of being rendered anew on every anonymous request.
ALTER TYPE "IssuedCopyKind" ADD VALUE 'NOTICE';
