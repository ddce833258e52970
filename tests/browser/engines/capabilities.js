// What a browser test may need that not every engine's driver can do. A
// backend's table gives each of these true, or the reason it cannot.
export const CAPABILITIES = {
  fileChooser: 'the real file chooser opens (by click or key) and takes a file',
  cameraFrames: 'the fake camera shows a video the test provides',
  twoCameras: 'the fake camera has two devices',
  cameraDenied: 'the camera can be denied without a prompt',
  insecureOrigin: 'a second host name reaches the test server as a non-secure origin',
  deviceScaleFactor: 'a page at device pixel ratio 2',
  download: 'a download is kept and readable by the test',
  clipboardImage: 'navigator.clipboard reads and writes images',
  fullscreen: 'the Fullscreen API works',
  anyFileName: 'any file name (even one holding "/") for <input type=file>',
  pasteAnyFile: 'a paste carries any file (not only what a system clipboard holds)',
  workers: "the driver lists a page's running Workers (their script URLs)",
  workerScript: 'script runs inside a Worker of the page',
};

/** Every capability available: a backend's table starts from this and says what it lacks. */
export const allCapabilities = () => Object.fromEntries(Object.keys(CAPABILITIES).map((name) => [name, true]));
