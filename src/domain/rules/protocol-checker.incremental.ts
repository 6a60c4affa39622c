/**
 * The protocol checker for a live editor: the same findings as checkProtocol, but a § whose
 * content, participation and context (body, organisation, meeting year) are unchanged since the
 * last check keeps its findings instead of being checked again. The protocol-level checks
 * (header, signers, deadlines, numbering, attendance) run every time; they are cheap.
 *
 * Contract: paragraphs are immutable values. A changed § is a new object (as the editor's state
 * makes it); a § mutated in place would keep its old findings.
 */
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { computeParticipation } from "./attendance.rules";
import type { Finding } from "./finding";
import {
  checkParagraph,
  checkParagraphContext,
  checkProtocolLevel,
  sortFindings,
  type CheckProtocolOptions,
} from "./protocol-checker";

interface Entry {
  paragraph: ParagraphDTO;
  key: string;
  findings: readonly Finding[];
}

export interface IncrementalChecker {
  /** checkProtocol(protocol, options), re-checking only the §§ that changed since the last call. */
  check(protocol: ProtocolDTO, options: CheckProtocolOptions): Finding[];
  /** How many §§ the last call checked anew (the rest came from the cache). */
  readonly lastChecked: number;
}

export function createIncrementalChecker(): IncrementalChecker {
  let cache = new Map<string, Entry>();
  let lastChecked = 0;
  return {
    get lastChecked() {
      return lastChecked;
    },
    check(protocol, options) {
      const participation = new Map(computeParticipation(protocol).map((p) => [p.paragraphNumber, p]));
      const context = checkParagraphContext(protocol);
      const next = new Map<string, Entry>();
      const seen = new Set<string>();
      const findings = checkProtocolLevel(protocol, options);
      lastChecked = 0;
      for (const paragraph of protocol.paragraphs) {
        const part = participation.get(paragraph.number);
        const key = `${context}${JSON.stringify(part ?? null)}`;
        const cached = cache.get(paragraph.id);
        let entry: Entry;
        if (cached && cached.paragraph === paragraph && cached.key === key) entry = cached;
        else {
          entry = { paragraph, key, findings: checkParagraph(protocol, paragraph, part) };
          lastChecked++;
        }
        // Two §§ with one id (not in a real protocol) are simply not kept.
        if (seen.has(paragraph.id)) next.delete(paragraph.id);
        else next.set(paragraph.id, entry);
        seen.add(paragraph.id);
        findings.push(...entry.findings);
      }
      cache = next;
      return sortFindings(findings);
    },
  };
}
