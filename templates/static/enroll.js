// The enrollment form's photo from the webcam (getUserMedia), with retake, put into the form's
// file input; the form works without it (a photo can be chosen as a file). The running points
// total is points.js.
'use strict';

(function camera() {
  const panel = document.getElementById('camera');
  const input = document.getElementById('photo');
  const preview = document.getElementById('photo-preview');
  const empty = document.getElementById('photo-empty');
  if (!panel || !input || !preview) return;

  function show(blob) {
    if (preview.dataset.url) URL.revokeObjectURL(preview.dataset.url);
    const url = URL.createObjectURL(blob);
    preview.dataset.url = url;
    preview.src = url;
    preview.hidden = false;
    if (empty) empty.hidden = true;
  }

  input.addEventListener('change', () => {
    if (input.files && input.files[0]) show(input.files[0]);
  });

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof DataTransfer !== 'function') return;
  panel.hidden = false;
  const video = document.getElementById('camera-video');
  const start = document.getElementById('camera-start');
  const take = document.getElementById('camera-take');
  const retake = document.getElementById('camera-retake');
  const status = document.getElementById('camera-status');
  let stream = null;

  function stop() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.srcObject = null;
  }

  async function begin() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 960 }, height: { ideal: 1280 }, facingMode: 'user' }, audio: false,
      });
    } catch (e) {
      status.textContent = e && e.name === 'NotAllowedError' ? panel.dataset.denied : panel.dataset.none;
      return;
    }
    video.srcObject = stream;
    await video.play().catch(() => {});
    video.hidden = false;
    start.hidden = true;
    retake.hidden = true;
    take.hidden = false;
    status.textContent = panel.dataset.ready;
    take.focus();
  }

  function capture() {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) return;
    // A portrait crop (3:4) from the middle of the frame, as the card prints it.
    const cropW = Math.min(w, Math.round(h * 3 / 4));
    const cropH = Math.min(h, Math.round(cropW * 4 / 3));
    const canvas = document.createElement('canvas');
    canvas.width = cropW;
    canvas.height = cropH;
    canvas.getContext('2d').drawImage(video, (w - cropW) / 2, (h - cropH) / 2, cropW, cropH, 0, 0, cropW, cropH);
    canvas.toBlob((blob) => {
      if (!blob) return;
      const file = new File([blob], 'camera.jpg', { type: 'image/jpeg' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      show(file);
      stop();
      video.hidden = true;
      take.hidden = true;
      retake.hidden = false;
      status.textContent = panel.dataset.taken;
      retake.focus();
    }, 'image/jpeg', 0.9);
  }

  start.addEventListener('click', begin);
  take.addEventListener('click', capture);
  retake.addEventListener('click', begin);
  window.addEventListener('pagehide', stop);
})();
