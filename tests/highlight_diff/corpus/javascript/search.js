// Client-side search over the site's search.json index.
'use strict';

const MIN_QUERY = 2;
const MAX_RESULTS = 20;

let index = null;

async function loadIndex(url) {
  if (index !== null) return index;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`search index: HTTP ${response.status}`);
  }
  index = await response.json();
  return index;
}

function tokenize(text) {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

function score(page, terms) {
  let total = 0;
  const title = page.title.toLowerCase();
  for (const term of terms) {
    if (title.includes(term)) total += 10;
    const hits = page.text.toLowerCase().split(term).length - 1;
    total += Math.min(hits, 5);
  }
  return total;
}

function highlight(text, terms) {
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'gi');
  return text.replace(pattern, '<mark>$1</mark>');
}

export async function search(query, { url = '/search.json', limit = MAX_RESULTS } = {}) {
  const terms = tokenize(query);
  if (query.trim().length < MIN_QUERY || terms.length === 0) {
    return [];
  }
  const pages = await loadIndex(url);
  return pages
    .map((page) => ({ page, score: score(page, terms) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.page.title.localeCompare(b.page.title))
    .slice(0, limit)
    .map(({ page }) => ({ ...page, title: highlight(page.title, terms) }));
}

document.addEventListener('DOMContentLoaded', () => {
  const input = document.querySelector('#search-input');
  const list = document.getElementById("search-results");
  let timer = 0;
  input?.addEventListener('input', (event) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const results = await search(event.target.value);
      list.innerHTML = results.map((r) => `<li><a href="${r.url}">${r.title}</a></li>`).join('');
    }, 150);
  });
});
