module.exports = {
  displayName: 'readiness',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
