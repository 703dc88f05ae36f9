import { connection } from 'next/server';

// A dynamic page with the control page's content: rendered on every request, nothing else.
export default async function FloorPage() {
  await connection();
  return (
    <section aria-labelledby="controle-titel">
      <h1 id="controle-titel">Controle</h1>
      <p>Lege pagina voor metingen.</p>
    </section>
  );
}
