module.exports = {
  displayName: 'tendering',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
