/** One person in a list: their (itsme) name, their role as a badge, optional actions beside them and details below. */
export function PersonCard({
  name,
  role,
  roleCaption,
  actions,
  children,
  testId,
}: {
  name: string;
  role: string;
  /** Read before the role by screen readers ("Rol: "). */
  roleCaption?: string;
  actions?: React.ReactNode;
  children?: React.ReactNode;
  testId?: string;
}) {
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-semibold">{name}</p>
          <p className="text-sm">
            {roleCaption && <span className="sr-only">{roleCaption}: </span>}
            <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-800">{role}</span>
          </p>
        </div>
        {actions}
      </div>
      {children}
    </li>
  );
}
