import fs from 'node:fs';
import prettier from 'prettier';

/**
 * Replaces the `## {title}` section of a markdown file (up to the next `## ` heading) with `body`, appending it when
 * absent and creating the file with a `# Benchmarks` heading when missing; other sections are kept, and the file is
 * formatted with the repository's Prettier settings.
 */
export async function writeSection(file: string, title: string, body: string): Promise<void> {
  const section = `## ${title}\n\n${body.trim()}\n`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  let next: string;
  if (start === -1) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end === -1) end = lines.length;
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = lines.slice(end).join('\n').trim();
    next = `${before}\n\n${section}${after ? `\n${after}\n` : ''}`;
  }
  // Formatted like the rest of the repository, so `prettier --check` stays clean after a benchmark run.
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}
