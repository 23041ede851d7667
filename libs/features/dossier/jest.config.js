module.exports = {
  displayName: 'dossier',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
