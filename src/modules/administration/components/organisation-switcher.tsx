import { switchOrganisationAction } from "@/modules/administration/organisation-switch.actions";

/** The header's choice of organisation, for a user of several (a plain form: works without JavaScript). */
export function OrganisationSwitcher({
  current,
  organisations,
}: {
  current: string;
  organisations: readonly { slug: string; name: string }[];
}) {
  return (
    <li>
      <form action={switchOrganisationAction} className="flex items-center gap-1">
        <label htmlFor="byt-organisation" className="sr-only">
          Organisation
        </label>
        <select
          id="byt-organisation"
          name="organisation"
          defaultValue={current}
          className="rounded border border-white/70 bg-transparent px-1 py-1 text-white [&>option]:text-black"
        >
          {organisations.map((o) => (
            <option key={o.slug} value={o.slug}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-white/70 px-2 py-1 text-white hover:bg-white/10">
          Byt
        </button>
      </form>
    </li>
  );
}
