import { useWeappSuite } from './support/suite';

describe('weapp boots', () => {
  const suite = useWeappSuite();

  it('home page for demo-member', async () => {
    const phone = suite.phone();
    const app = await suite.launch(phone, 'demo-member');
    await app.waitForText('李秀英');
    console.log(app.text());
  });
});
