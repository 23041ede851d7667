module.exports = {
  displayName: 'administration',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
