import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@alongside/platform/security';
import { DashboardAssets } from './dashboard-assets';

/** The part of Express's response this controller uses. */
type Reply = { setHeader(name: string, value: string): unknown; send(body: string): unknown };

// The page's own policy: like helmet's, without upgrade-insecure-requests (it is served over plain
// HTTP on a workstation) and with nothing from anywhere but this origin.
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the dashboard web page (apps/dashboard). The page itself is public; every figure on it
 * comes from the API with the token the user pastes in.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardPageController {
  private readonly assets = new DashboardAssets();

  @Public()
  @Get()
  page(@Res() reply: Reply): void {
    this.send(reply, 'text/html; charset=utf-8', this.assets.page());
  }

  @Public()
  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: Reply): void {
    const asset = this.assets.asset(name);
    if (!asset) throw new NotFoundException();
    this.send(reply, asset.type, asset.body);
  }

  @Public()
  @Get('assets/:folder/:name')
  nested(@Param('folder') folder: string, @Param('name') name: string, @Res() reply: Reply): void {
    this.asset(`${folder}/${name}`, reply);
  }

  private send(reply: Reply, type: string, body: string): void {
    reply.setHeader('Content-Type', type);
    reply.setHeader('Content-Security-Policy', PAGE_POLICY);
    reply.setHeader('Cache-Control', 'no-cache');
    reply.send(body);
  }
}
