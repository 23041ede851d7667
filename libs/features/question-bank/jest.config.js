module.exports = {
  displayName: 'question-bank',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
