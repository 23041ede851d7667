module.exports = {
  displayName: 'questionnaires',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
