// One pipeline request of a field (pipeline/pixel-pipeline.js), from its
// attributes: the source in the field's mode and limits, as its `type` (a
// tensor: with its tensorOptions), with the preview's pixels (`shown`) and
// the form's file (`encode`: a format, or null).

/**
 * @param {HTMLElement} field the <image-field>
 * @param {object} source { value } or a camera frame
 * @param {object | null} mark the watermark's raster to stamp, or null
 * @param {object} overrides request members that differ from the field's
 */
export function fieldRequest(field, source, mark, overrides = {}) {
  return {
    source,
    mode: field.imageMode,
    layout: field.layout,
    maxSize: field.maxSize,
    maxPixels: field.maxPixels,
    allowSvg: field.allowSvg,
    type: field.type,
    format: field.format,
    tensorOptions: field.type === 'tensor' ? field.tensorOptions : null,
    shown: true,
    encode: field.name ? field.format : null,
    mark,
    position: field.watermarkPosition.trim(),
    ...overrides,
  };
}
