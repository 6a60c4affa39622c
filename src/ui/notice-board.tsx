// The anslagstavla a notice is posted on: a web address becomes a link, a place stays text.
export function NoticeBoard({ value }: { value: string }) {
  if (/^https?:\/\/\S+$/i.test(value)) {
    return (
      <a href={value} className="text-[var(--color-brand)] underline underline-offset-2">
        {value}
      </a>
    );
  }
  return <>{value}</>;
}
