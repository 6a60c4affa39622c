// The ärendelista of a kallelse as the workspace shows it (members' version: everything).
import { displayCaseNumber } from "@/domain/protocol/protocol.format";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { ProposalSection } from "@/modules/agenda";
import { ConfidentialBadge } from "@/ui/confidential-badge";

export function SummonsAgenda({ summons }: { summons: SummonsDTO }) {
  return (
    <ol className="mt-2 space-y-5">
      {summons.items.map((item) => {
        const dnr = displayCaseNumber(item.caseNumber, summons.organisation.caseNumberPrefix);
        return (
          <li key={item.id} className="border-t border-slate-300 pt-3">
            <h3 className="text-lg font-semibold">
              {item.number}. {item.title}
              {item.isConfidential && <ConfidentialBadge />}
            </h3>
            {dnr && <p className="text-[var(--color-muted)]">{dnr}</p>}
            {item.responsible && <p className="text-[var(--color-muted)]">Ansvarig: {item.responsible}</p>}
            <ProposalSection intro={item.proposalIntro} clauses={item.proposalClauses} />
            {item.documents.length > 0 && (
              <>
                <h4 className="mt-2 font-medium">Handlingar</h4>
                <ul className="list-disc pl-6">
                  {item.documents.map((d) => (
                    <li key={d.id}>
                      {d.title} ({d.mimeType === "application/pdf" ? "PDF" : "Word"})
                      {d.isConfidential && " – sekretess, inte i den offentliga versionen"}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
