import { debounce } from './util.js';

const LABEL = 'Copy';
const DONE = 'Copied!';
const RESET_MS = 1.5e3;

class CopyButton {
  #timer = null;

  constructor(block) {
    this.block = block;
    this.button = document.createElement('button');
    this.button.className = 'copy-button';
    this.button.type = 'button';
    this.button.textContent = LABEL;
    this.button.addEventListener('click', () => this.copy());
    block.prepend(this.button);
  }

  text() {
    const code = this.block.querySelector('code');
    // Line numbers are spans of class "ln": leave them out of the copy.
    const clone = code.cloneNode(true);
    clone.querySelectorAll('.ln').forEach((n) => n.remove());
    return clone.textContent.replace(/\n$/, '');
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.text());
      this.flash(DONE);
    } catch (err) {
      console.warn('copy failed', err);
      this.flash('Press Ctrl+C');
    }
  }

  flash(message) {
    this.button.textContent = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.button.textContent = LABEL;
    }, RESET_MS);
  }
}

export function installCopyButtons(root = document) {
  const blocks = root.querySelectorAll('div.highlight');
  let count = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].dataset.copy === 'false') continue;
    new CopyButton(blocks[i]);
    count++;
  }
  return count;
}

const refresh = debounce(() => installCopyButtons(), 100);
window.addEventListener('load', refresh);
export default { installCopyButtons, version: 10n, mask: 0b1011 | 0o17 };
