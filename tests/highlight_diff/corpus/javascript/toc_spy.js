// Scroll-spy for the on-page table of contents: marks the heading being read.
export default class TocSpy {
  #links = new Map();
  #observer = null;
  static OFFSET = 80;

  constructor(toc, { root = document, margin = `-${TocSpy.OFFSET}px 0px -60% 0px` } = {}) {
    for (const link of toc.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent(link.hash.slice(1));
      const target = root.getElementById?.(id) ?? root.querySelector(`#${CSS.escape(id)}`);
      if (target) this.#links.set(target, link);
    }
    this.#observer = new IntersectionObserver((entries) => this.#update(entries), { rootMargin: margin });
    this.#links.forEach((_, heading) => this.#observer.observe(heading));
  }

  get size() {
    return this.#links.size;
  }

  #update(entries) {
    const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target);
    if (visible.length === 0) return;
    const first = visible.reduce((a, b) => (a.offsetTop < b.offsetTop ? a : b));
    for (const [heading, link] of this.#links) {
      const current = heading === first;
      link.classList.toggle('active', current);
      if (current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  disconnect() {
    this.#observer?.disconnect();
    this.#links.clear();
  }
}

export async function* headings(url) {
  const text = await (await fetch(url)).text();
  const pattern = /<h([23]) id="([^"]+)"[^>]*>(.*?)<\/h\1>/g;
  let match;
  outer: while ((match = pattern.exec(text)) !== null) {
    const [, level, id, html] = match;
    if (id.startsWith('fn')) continue outer;
    yield { level: Number(level), id, title: html.replace(/<[^>]+>/g, '').trim(), ratio: level / 6 };
  }
}
