/** A sentence of an update. The core marks each piece of user text in it (a title, a name, a
 *  risk) with U+2068 … U+2069; each piece is shown in a <bdi>, so right-to-left text cannot
 *  reverse the words around it. */
export function Sentence({ text }: { text: string }) {
  const parts = text.split(/[\u2068\u2069]/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, in order
          <bdi key={i}>{part}</bdi>
        ) : (
          part
        ),
      )}
    </>
  );
}
