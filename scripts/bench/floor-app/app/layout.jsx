// The benchmark's floor: the smallest App Router layout a page can have.
export const metadata = { title: 'Floor', robots: { index: false } };

export default function Layout({ children }) {
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
