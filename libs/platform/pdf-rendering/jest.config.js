module.exports = {
  displayName: 'pdf-rendering',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
