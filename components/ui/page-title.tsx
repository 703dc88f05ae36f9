export function PageTitle({ children, id }: { children: React.ReactNode; id?: string }) {
  return (
    <h1 id={id} className="mb-4 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
      {children}
    </h1>
  );
}
