// The round as a flow, when the page holds one (a map that is a round):
// the Flow button and W show it in place of the drawing or the list, and
// hide it again. The flow is drawn by Argmap; the page only shows it.
const flowHost = document.getElementById('flow');
const flowToggle = document.getElementById('flow-toggle');
if (flowHost && flowToggle && flowHost.querySelector('svg')) {
  flowToggle.hidden = false;
  const showFlow = (on) => {
    flowHost.hidden = !on;
    document.body.classList.toggle('flowing', on);
    flowToggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (on) flowHost.focus();
  };
  flowToggle.addEventListener('click', () => showFlow(flowHost.hidden));
  document.addEventListener('keydown', (e) => {
    const typing = document.activeElement && document.activeElement.tagName === 'INPUT';
    if ((e.key === 'w' || e.key === 'W') && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) {
      e.preventDefault();
      showFlow(flowHost.hidden);
    }
  });
}
