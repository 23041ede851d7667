module.exports = {
  displayName: 'rubric',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
